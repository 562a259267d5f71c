/** /v1/payment_methods/:id: retrieve. Cards are added on the hosted pages (hosted.ts, cards.ts). */
import { find } from "../params";
import { ID, type Route } from "../request";

export const paymentMethodRoutes: Route[] = [
  {
    method: "GET",
    pattern: new RegExp(`^/v1/payment_methods/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.paymentMethods, id, "PaymentMethod", "id"),
  },
];
