"use client";

import { signOut } from "next-auth/react";

import { Menu } from "./menu";

/**
 * The avatar in the top bar: a menu with the account settings, the profile others see and
 * signing out, so the bar keeps to search and the avatar on every width.
 */
export function AccountMenu({ initial, email }: { initial: string; email: string }) {
  return (
    <Menu
      label="Your account"
      className="avatar"
      items={[
        { label: "Account", href: "/account" },
        // Leads to /user/<username>: the profile others see.
        { label: "Your profile", href: "/profile" },
        {
          label: "Sign out",
          group: true,
          onSelect: () => void signOut({ callbackUrl: "/signin" }),
        },
      ]}
    >
      <span aria-hidden="true" title={email}>
        {initial}
      </span>
    </Menu>
  );
}
