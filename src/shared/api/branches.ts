// Wire shapes of the branches an app holds (DESIGN.md §9): the registry the owner edits and what
// the branch switcher shows of each.
import { Type, type Static } from '@sinclair/typebox'
import { CONNECTION_STATES } from '../domain/appointment-status'
import { VISIBLE_TEXT } from './schemas'

/** A branch's key: its folder under `branches/` and its `/b/<key>/…` prefix. */
export const BRANCH_KEY_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$'
/** The branch whose data lives where a one-branch desk always kept it. */
export const PRIMARY_BRANCH_KEY = 'main'

export const BranchSummary = Type.Object({
  key: Type.String({ pattern: BRANCH_KEY_PATTERN }),
  /** The branch's name from Cal.com once connected; the owner's label before. */
  name: Type.String(),
  primary: Type.Boolean({ description: 'Its data lives in the data folder itself' }),
  connection: Type.Unsafe<(typeof CONNECTION_STATES)[number]>({
    type: 'string',
    enum: [...CONNECTION_STATES],
  }),
  /** True when the relay or Cal.com cannot be reached (the switcher's offline mark). */
  offline: Type.Boolean(),
  /** The desk's changes still waiting for Cal.com (the switcher's waiting mark). */
  waiting: Type.Integer({ minimum: 0 }),
  /** The desk's changes Cal.com refused, waiting for a person (the switcher's attention mark). */
  attention: Type.Integer({ minimum: 0 }),
  /** The latest news from the relay or a reconcile; null when it never synced. */
  lastSyncAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type BranchSummary = Static<typeof BranchSummary>

export const BranchList = Type.Array(BranchSummary)
export type BranchList = Static<typeof BranchList>

export const AddBranchBody = Type.Object(
  {
    key: Type.String({
      pattern: BRANCH_KEY_PATTERN,
      description: 'Lower-case letters, digits and dashes, 1–32 long; not "main"',
    }),
    name: Type.String({ minLength: 1, maxLength: 80, pattern: VISIBLE_TEXT }),
  },
  { additionalProperties: false },
)
export type AddBranchBody = Static<typeof AddBranchBody>

export const BranchKeyParams = Type.Object(
  { key: Type.String({ pattern: BRANCH_KEY_PATTERN }) },
  { additionalProperties: false },
)
export type BranchKeyParams = Static<typeof BranchKeyParams>
