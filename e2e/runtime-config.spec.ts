import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import Stripe from "stripe";
import { clientIpHeader } from "./support/accounts";
import {
  CLUSTER_STRIPE_KEY,
  ClusterDatabase,
  freePort,
  startApp,
  startStripeEmulator,
  type Started,
} from "./support/cluster";
import { stopAll } from "../tools/process-groups";

/**
 * One build, configured at run time: the `.next/standalone` build `npm run build` made is started
 * twice (`npm start`), as staging and as production, with only environment variables differing:
 * APP_URL, APP_ENV, the brand's name and logo, and the Stripe endpoint (an emulator each). Each
 * serves its own: titles, headers, canonical and Open Graph URLs, and Checkout on its own Stripe
 * with links back to its own APP_URL. Nothing of either is baked into the build.
 */

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);
test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

const DEMO = { email: "demo@example.com", password: "demo-password-123" };

/** How each deployment is configured, and what it must show. */
const DEPLOYMENTS = [
  {
    name: "staging",
    appUrl: "http://staging.acme.test",
    env: { APP_ENV: "staging", BRAND_NAME: "Acme Staging", BRAND_LOGO_URL: "/favicon.svg" },
  },
  {
    name: "production",
    appUrl: "http://www.globex.test",
    env: { APP_ENV: "production", BRAND_NAME: "Globex Cloud" },
  },
] as const;

let database: ClusterDatabase;
const running: { app: Started & { url: string }; stripeUrl: string }[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // The cluster log is appended to, not emptied: e2e/scale-out.spec.ts empties it for a run.
  database = new ClusterDatabase(await freePort());
  await database.start();
  for (const deployment of DEPLOYMENTS) {
    const emulator = await startStripeEmulator(await freePort());
    const app = await startApp(deployment.name, await freePort(), database.url, emulator.url, 1, {
      ...deployment.env,
      APP_URL: deployment.appUrl,
      // APP_URL is not localhost: production-like mail settings (nothing is sent here).
      MAIL_TRANSPORT: "smtp",
      SMTP_URL: "smtp://127.0.0.1:2525",
    });
    running.push({ app, stripeUrl: emulator.url });
  }
});

test.afterAll(async () => {
  await stopAll();
  await database?.remove();
});

/** The content of `<meta property|name="key">` in `html`. */
function metaContent(html: string, key: string): string | undefined {
  const tag = html.match(new RegExp(`<meta[^>]+(?:property|name)="${key}"[^>]*>`))?.[0];
  return tag?.match(/content="([^"]*)"/)?.[1];
}

/** The `href` of `<link rel="canonical">` in `html`. */
function canonical(html: string): string | undefined {
  return html.match(/<link rel="canonical" href="([^"]*)"/)?.[1];
}

/**
 * A tRPC mutation over HTTP (superjson's `{ json }` envelope) to the instance at `url`, as a
 * browser on the deployment's public origin (`origin`, its APP_URL) sends it.
 */
async function mutate<T>(
  request: APIRequestContext,
  { url, origin }: { url: string; origin: string },
  path: string,
  input: object,
) {
  const response = await request.post(`${url}/api/trpc/${path}`, {
    headers: { origin, "content-type": "application/json" },
    data: { json: input },
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()).result.data.json as T;
}

for (const [index, deployment] of DEPLOYMENTS.entries()) {
  test(`${deployment.name}: pages carry its brand and its APP_URL`, async ({ request }) => {
    const { app } = running[index]!;
    const other = DEPLOYMENTS[1 - index]!;
    const landing = await request.get(`${app.url}/`);
    expect(landing.status()).toBe(200);
    expect(landing.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const html = await landing.text();
    expect(html).toContain(`<title>${deployment.env.BRAND_NAME}</title>`);
    expect(metaContent(html, "og:site_name")).toBe(deployment.env.BRAND_NAME);
    // Next writes the root URL without its slash: compared as URLs.
    expect(new URL(metaContent(html, "og:url")!).href).toBe(`${deployment.appUrl}/`);
    expect(new URL(canonical(html)!).href).toBe(`${deployment.appUrl}/`);
    expect(html).not.toContain(other.env.BRAND_NAME);
    expect(html).not.toContain(other.appUrl);
    // Nothing of the default configuration either: the build holds none.
    expect(html).not.toContain("Starter");
    expect(html).not.toContain("http://localhost:3000");
    // The logo is a setting too: only the deployment with one shows it.
    const logo = '<img src="/favicon.svg"';
    if ("BRAND_LOGO_URL" in deployment.env) expect(html).toContain(logo);
    else expect(html).not.toContain(logo);

    const pricing = await (await request.get(`${app.url}/pricing`)).text();
    expect(pricing).toContain(`<title>Pricing · ${deployment.env.BRAND_NAME}</title>`);
    expect(canonical(pricing)).toBe(`${deployment.appUrl}/pricing`);

    // A page rendered per request names its deployment for the browser's error reports (the
    // cached public pages, shared by every visitor, carry no per-request <meta>).
    const signIn = await (await request.get(`${app.url}/sign-in`)).text();
    expect(signIn).toContain(deployment.env.BRAND_NAME);
    expect(metaContent(signIn, "app-env")).toBe(deployment.env.APP_ENV);

    const ready = await request.get(`${app.url}/api/health/ready`);
    expect(ready.status()).toBe(200);
  });

  test(`${deployment.name}: Checkout runs on its own Stripe and returns to its APP_URL`, async ({
    request,
  }) => {
    const { app, stripeUrl } = running[index]!;
    const target = { url: app.url, origin: deployment.appUrl };
    await mutate(request, target, "session.signIn", DEMO);
    const workspace = await mutate<{ slug: string }>(request, target, "workspace.create", {
      name: `Runtime ${deployment.name} ${Date.now()}`,
    });
    const { url } = await mutate<{ url: string }>(
      request,
      target,
      "billing.createCheckoutSession",
      {
        workspaceSlug: workspace.slug,
        plan: "pro",
        interval: "month",
      },
    );
    expect(url.startsWith(`${stripeUrl}/`)).toBe(true);

    // The session lives in this deployment's emulator only, with links back to its APP_URL.
    const emulator = new URL(stripeUrl);
    const stripe = new Stripe(CLUSTER_STRIPE_KEY, {
      host: emulator.hostname,
      port: Number(emulator.port),
      protocol: "http",
    });
    const sessions = (await stripe.checkout.sessions.list({ limit: 100 })).data;
    const session = sessions.find((s) => url.includes(s.id));
    const success = new URL(session!.success_url!);
    expect(`${success.origin}${success.pathname}`).toBe(
      `${deployment.appUrl}/w/${workspace.slug}/billing`,
    );
  });
}
