import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">The page you asked for does not exist.</p>
      <Link href="/" className="font-medium text-indigo-600 underline dark:text-indigo-400">
        Back to the home page
      </Link>
    </main>
  );
}
