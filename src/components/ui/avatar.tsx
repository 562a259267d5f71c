/**
 * A person's or a workspace's picture: the processed image when there is one (a signed URL of its
 * 64 px or 256 px WebP), its initials otherwise. Decorative (`aria-hidden`): the name is always
 * written beside it.
 */

/** "AL" for "Ada Lovelace", "A" for "acme", "?" for nothing. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts.at(-1)![0]] : [parts[0]?.[0]];
  return letters.join("").toUpperCase() || "?";
}

const sizes = {
  xs: "size-5 text-[10px]",
  sm: "size-8 text-xs",
  md: "size-10 text-sm",
  lg: "size-20 text-xl",
} as const;

export function Avatar({
  name,
  src,
  size = "sm",
  square = false,
}: {
  name: string;
  /** Image URL; null or undefined shows the initials. */
  src?: string | null;
  size?: keyof typeof sizes;
  /** Workspaces are square (rounded), people round. */
  square?: boolean;
}) {
  const shape = square ? "rounded-md" : "rounded-full";
  if (src) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- signed, expiring URLs of images already resized by the picture job: nothing for next/image to optimise or cache
      <img
        src={src}
        alt=""
        aria-hidden="true"
        className={`${sizes[size]} ${shape} shrink-0 bg-zinc-200 object-cover dark:bg-zinc-800`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`inline-flex ${sizes[size]} ${shape} shrink-0 items-center justify-center bg-indigo-600 font-semibold text-white dark:bg-indigo-500`}
    >
      {initials(name)}
    </span>
  );
}
