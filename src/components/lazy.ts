/**
 * What a lazily loaded chunk does when it cannot load: after a deploy the old chunk names are
 * gone, so the page reloads to get the new ones (the same way Next recovers from a failed
 * navigation); offline, the reload shows the browser's own error rather than a dead button.
 */
export function reloadOnChunkError(error: unknown): void {
  console.error("A part of the page could not load; reloading.", error);
  window.location.reload();
}
