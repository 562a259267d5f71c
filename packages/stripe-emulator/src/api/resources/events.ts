/** /v1/events: list (by `type`, with a trailing `*` wildcard, or `types[]`), retrieve. */
import type Stripe from "stripe";
import { str, stringList } from "../../http";
import { newestFirst } from "../../store";
import { find, paginate } from "../params";
import { ID, type Route, type RouteInput } from "../request";

function listEventsRoute({ ctx, params, path }: RouteInput): Stripe.ApiList<Stripe.Event> {
  const type = str(params.type);
  const types = stringList(params.types);
  const matches = (eventType: string) =>
    (!type ||
      (type.endsWith("*") ? eventType.startsWith(type.slice(0, -1)) : eventType === type)) &&
    (types.length === 0 || types.includes(eventType));
  const events = newestFirst(ctx.store.state.events).filter((event) => matches(event.type));
  return paginate(events, params, path);
}

export const eventRoutes: Route[] = [
  { method: "GET", pattern: /^\/v1\/events$/, handler: listEventsRoute },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/events/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.events, id, "event", "id"),
  },
];
