"use client";
import { useSignUpEmail } from "@/components/auth/sign-up-handoff";

/** "We sent a link to <address>" when this tab signed up; else the generic sentence. */
export function CheckEmailAddress() {
  const email = useSignUpEmail();
  return (
    <>
      We sent a link to{" "}
      {email ? (
        <strong
          className="font-semibold break-all text-zinc-900 dark:text-zinc-100"
          data-testid="check-email-address"
        >
          {email}
        </strong>
      ) : (
        "your email address"
      )}{" "}
      to confirm it. Open it to finish creating your account.
    </>
  );
}
