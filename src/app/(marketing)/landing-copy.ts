/**
 * Words the public pages and their Open Graph images share, so a card never says something the
 * page does not.
 */

/** The landing page's h1 (and its Open Graph image's title). */
export const LANDING_HEADLINE = "Launch your subscription product this week";

/** The pricing page's meta description (and its Open Graph image's title). */
export const PRICING_DESCRIPTION =
  "Simple plans that grow with your team. Start free, cancel any time.";
