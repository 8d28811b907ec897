/** The answer to a refused pulse or rubric submission, shared by both forms' handlers. */
import { formatDateTime } from "../core/dates.ts";
import type { Translator } from "../core/i18n.ts";

export type Refusal = { reason: "closed" | "not_invited" | "already_answered" | "no_organisation" | "failed" } | { reason: "organisation_done"; organisation: string };

export function refusalMessage(t: Translator, refusal: Refusal, closesAt: Date, zone: string): string {
  switch (refusal.reason) {
    case "already_answered":
      return t("pulse.already_answered");
    case "organisation_done":
      return t("rubric.org_already", { organisation: refusal.organisation });
    case "no_organisation":
      return t("rubric.collective_no_org");
    case "not_invited":
      return t("pulse.not_invited");
    case "closed":
      return t("pulse.round_closed", { closed: formatDateTime(closesAt, zone, t.locale) });
    case "failed":
      return t("pulse.submit_failed");
  }
}
