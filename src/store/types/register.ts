/** The register: partnerships, review events, agreed actions and summary subscriptions. */

/** A calendar date as "YYYY-MM-DD" (no time, no zone). */
export type IsoDate = string;

export interface Partnership {
  id: string;
  workspaceId: string;
  name: string;
  categories: string[];
  spectrum: string | null;
  country: string | null;
  leadUserId: string | null;
  /** The partner organisation's focal point, reminded of joint reviews beside the INGO lead. */
  focalUserId: string | null;
  startDate: IsoDate | null;
  agreementEndDate: IsoDate | null;
  notes: string | null;
  pausedReason: string | null;
  pausedAt: Date | null;
  archivedAt: Date | null;
  createdAt: Date;
}

export type PartnershipInput = Pick<Partnership, "name"> &
  Partial<Pick<Partnership, "categories" | "spectrum" | "country" | "leadUserId" | "focalUserId" | "startDate" | "agreementEndDate" | "notes">>;

/** An organisation taking part in a partnership: the host (the INGO) or a partner. */
export interface PartnershipOrganisation {
  id: string;
  partnershipId: string;
  name: string;
  side: "host" | "partner";
}

export interface PartnershipStore {
  /** Creates a partnership; `duplicate` when the name (case-insensitive) is taken in the workspace. */
  create(workspaceId: string, input: PartnershipInput, now: Date): Promise<Partnership | { duplicate: true }>;
  /**
   * Creates all or none (CSV import), each with its agreement-renewal event when it has an end
   * date, in one transaction; returns the names that already exist instead when any does.
   */
  createMany(workspaceId: string, inputs: PartnershipInput[], now: Date, createdBy: string): Promise<Partnership[] | { duplicates: string[] }>;
  update(id: string, patch: Partial<PartnershipInput>): Promise<Partnership | { duplicate: true }>;
  get(id: string): Promise<Partnership | null>;
  findByName(workspaceId: string, name: string): Promise<Partnership | null>;
  list(workspaceId: string, options?: { includeArchived?: boolean }): Promise<Partnership[]>;
  archive(id: string, now: Date): Promise<void>;
  setPause(id: string, reason: string | null, now: Date): Promise<void>;
  /** The organisations kept for a partnership, host first. */
  organisations(partnershipId: string): Promise<PartnershipOrganisation[]>;
  /** Every organisation of every partnership of the workspace. */
  organisationsIn(workspaceId: string): Promise<PartnershipOrganisation[]>;
  addOrganisation(workspaceId: string, partnershipId: string, name: string, side: "host" | "partner"): Promise<PartnershipOrganisation | { duplicate: true }>;
  removeOrganisation(partnershipId: string, name: string): Promise<boolean>;
  /** Email contacts kept for a partnership (people invited by email), by address. */
  contacts(partnershipId: string): Promise<PartnershipContact[]>;
  /**
   * Keeps an address; one already kept gets the language and organisation given (when given)
   * and is reported as a duplicate.
   */
  addContact(workspaceId: string, partnershipId: string, email: string, locale: string | null, organisation?: string | null): Promise<PartnershipContact | { duplicate: true }>;
  removeContact(partnershipId: string, email: string): Promise<boolean>;
}

/** A partner's email address kept by a coordinator, so rounds can invite people without an account. */
export interface PartnershipContact {
  partnershipId: string;
  email: string;
  locale: string | null;
  /** The partnership organisation they belong to (collective check-ins by email rate for it). */
  organisation: string | null;
}

export interface ReviewEvent {
  id: string;
  ref: string;
  workspaceId: string;
  /** Null for a portfolio-wide review (a collective meeting of all partners, the annual team review). */
  partnershipId: string | null;
  kind: string;
  label: string | null;
  dueDate: IsoDate;
  everyMonths: number | null;
  status: "open" | "done";
  notes: string | null;
  doneAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface ReviewStore {
  create(input: Pick<ReviewEvent, "workspaceId" | "partnershipId" | "kind" | "label" | "dueDate" | "everyMonths" | "createdBy">, now: Date): Promise<ReviewEvent>;
  get(workspaceId: string, ref: string): Promise<ReviewEvent | null>;
  /** Open events (optionally due on or before a date), soonest first. */
  listOpen(workspaceId: string, options?: { dueOnOrBefore?: IsoDate; partnershipId?: string }): Promise<ReviewEvent[]>;
  listDone(workspaceId: string, options?: { partnershipId?: string; limit?: number }): Promise<ReviewEvent[]>;
  markDone(id: string, notes: string | null, now: Date): Promise<boolean>;
  setDueDate(id: string, dueDate: IsoDate): Promise<void>;
  /** The open renewal event of a partnership, if any. */
  openOfKind(partnershipId: string, kind: string): Promise<ReviewEvent | null>;
}

export interface AgreedAction {
  id: string;
  ref: string;
  workspaceId: string;
  partnershipId: string | null;
  elementKey: string | null;
  /** The closed round whose response promised it ("you said, we did"). */
  roundId: string | null;
  text: string;
  ownerUserId: string | null;
  dueDate: IsoDate | null;
  status: "open" | "done";
  doneAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface ActionStore {
  create(
    input: Pick<AgreedAction, "workspaceId" | "partnershipId" | "elementKey" | "text" | "ownerUserId" | "dueDate" | "createdBy"> & { roundId?: string | null },
    now: Date,
  ): Promise<AgreedAction>;
  get(workspaceId: string, ref: string): Promise<AgreedAction | null>;
  list(workspaceId: string, options?: { status?: "open" | "done"; ownerUserId?: string; partnershipId?: string; roundId?: string }): Promise<AgreedAction[]>;
  markDone(id: string, now: Date): Promise<boolean>;
}

export interface SummarySubscription {
  id: string;
  workspaceId: string;
  channelId: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "HH:MM" in the workspace's time zone. */
  localTime: string;
  createdBy: string;
}

export interface SummaryStore {
  subscribe(input: Omit<SummarySubscription, "id">): Promise<SummarySubscription>;
  unsubscribe(workspaceId: string, channelId: string): Promise<boolean>;
  list(workspaceId?: string): Promise<SummarySubscription[]>;
}

/** What a coordinator tells the people a closed round was addressed to ("you said, we did"). */
export interface RoundResponse {
  id: string;
  workspaceId: string;
  roundId: string;
  /** What we heard. */
  heard: string;
  /** What we will do. */
  doing: string;
  createdBy: string;
  createdAt: Date;
  sentAt: Date | null;
}

export interface RoundResponseStore {
  /** Saves the response of a round; `exists` when the round already has one. */
  create(input: Pick<RoundResponse, "workspaceId" | "roundId" | "heard" | "doing" | "createdBy">, now: Date): Promise<RoundResponse | { exists: true }>;
  get(roundId: string): Promise<RoundResponse | null>;
  /** The responses of these rounds (summaries, partner results). */
  forRounds(roundIds: string[]): Promise<RoundResponse[]>;
  markSent(id: string, now: Date): Promise<void>;
}
