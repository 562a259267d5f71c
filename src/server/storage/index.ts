/**
 * Object storage (README, "Files and storage"): one {@link Storage} interface, two drivers chosen
 * by `STORAGE_DRIVER` — the local default (files under `STORAGE_LOCAL_DIR`, served signed through
 * /api/storage) and any S3-compatible service (`S3_*`).
 */
import "server-only";
import { env } from "@/env";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { Storage } from "./types";

export {
  assertValidKey,
  InvalidStorageKeyError,
  StorageNotFoundError,
  type PresignedUpload,
  type Storage,
  type StoredObject,
} from "./types";

/** Signs local URLs when STORAGE_SECRET is unset; start-up refuses that outside local (env rules). */
const DEVELOPMENT_SECRET = "local-development-storage-secret-not-for-deployments";

let storage: Storage | undefined;

/** The configured driver (one per process). */
export function getStorage(): Storage {
  storage ??=
    env.STORAGE_DRIVER === "s3"
      ? new S3Storage({
          bucket: env.S3_BUCKET ?? "",
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          credentials: {
            accessKeyId: env.S3_ACCESS_KEY_ID ?? "",
            secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? "",
          },
        })
      : new LocalStorage({
          dir: env.STORAGE_LOCAL_DIR,
          secret: env.STORAGE_SECRET ?? DEVELOPMENT_SECRET,
          baseUrl: env.APP_URL.replace(/\/$/, ""),
        });
  return storage;
}

/** The local driver when it is the configured one (its routes serve only then), else null. */
export function getLocalStorage(): LocalStorage | null {
  const current = getStorage();
  return current instanceof LocalStorage ? current : null;
}
