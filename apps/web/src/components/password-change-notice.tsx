import { passwordChangeRequired } from "@cadence/domain/password-change";

import { services } from "~/server/services";
import { PasswordChangeBanner } from "./password-change-banner";

/** The banner, for an account that still has its generated password (pages redirect to /account). */
export async function PasswordChangeNotice({ userId }: { userId: string }) {
  return (await passwordChangeRequired(services(), userId)) ? <PasswordChangeBanner /> : null;
}
