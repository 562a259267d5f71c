/**
 * The TanStack Query client shared by server prefetching and the browser.
 * superjson (de)serialises dehydrated data, so Dates and the like survive the trip; pending
 * queries are dehydrated too, so a server component can start a query and let the client
 * component stream its result.
 */
import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/** A new QueryClient with the app's defaults (30 s stale time). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000 },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
