import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";

import { getSession, oauthProviders } from "~/server/auth";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await getSession()) redirect("/");
  return (
    <Suspense>
      <SignInForm providers={oauthProviders} />
    </Suspense>
  );
}
