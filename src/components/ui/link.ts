/** The class of a link inside text: indigo, underlined on hover, a visible focus ring. */
export const textLinkClass =
  "font-medium text-indigo-600 underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-400";
