/**
 * zod's English messages for the schemas of this folder. zod/mini loads no locale (its default
 * message is "Invalid input"), and classic zod registers English only once one of its own schemas
 * is built; every schema module imports this file, so a rule without its own message reads the
 * same in the browser and on the server ("Too big: expected string to have <=40 characters",
 * 'Unrecognized key: "x"', …), whatever was imported first.
 */
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());
