// Runs before each test file: points the app's env (and so `db`) at the test database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
