// A proposal's readable diff: what an admin's document changes against the version it was based
// on, one line per setting, so the owner approves a change they can read rather than two
// documents. Pure: the relay stores it with the proposal, the desk can compute it live.
import type { CancellationPolicy, KindRule, NotificationRules } from './rules.js'

export type RulesLanguage = 'en' | 'es'

export interface RulesChange {
  /** The setting, as `kinds/booking.created/channels` or `quietHours`. */
  path: string
  before: unknown
  after: unknown
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const KIND_FIELDS: (keyof KindRule)[] = [
  'enabled',
  'recipients',
  'channels',
  'branches',
  'calcomEmails',
  'quietHours',
  'coalesceMinutes',
]

const policyKey = (p: CancellationPolicy) => `${p.branchId}/${p.eventTypeId}`

export function diffRules(before: NotificationRules, after: NotificationRules): RulesChange[] {
  const out: RulesChange[] = []
  for (const kind of Object.keys(after.kinds) as (keyof NotificationRules['kinds'])[]) {
    const a = before.kinds[kind]
    const b = after.kinds[kind]
    for (const f of KIND_FIELDS) {
      if (!same(a?.[f], b[f])) out.push({ path: `kinds/${kind}/${f}`, before: a?.[f], after: b[f] })
    }
  }
  if (!same(before.quietHours, after.quietHours))
    out.push({ path: 'quietHours', before: before.quietHours, after: after.quietHours })
  const oldPolicies = new Map(before.cancellationPolicies.map((p) => [policyKey(p), p]))
  const newPolicies = new Map(after.cancellationPolicies.map((p) => [policyKey(p), p]))
  for (const [key, p] of newPolicies) {
    const o = oldPolicies.get(key)
    if (!o || !same(o, p))
      out.push({ path: `cancellationPolicies/${key}`, before: o ?? null, after: p })
  }
  for (const [key, o] of oldPolicies) {
    if (!newPolicies.has(key))
      out.push({ path: `cancellationPolicies/${key}`, before: o, after: null })
  }
  const names = new Set([...Object.keys(before.branchNames), ...Object.keys(after.branchNames)])
  for (const id of names) {
    const o = before.branchNames[id] ?? null
    const n = after.branchNames[id] ?? null
    if (o !== n) out.push({ path: `branchNames/${id}`, before: o, after: n })
  }
  return out
}

const WORDS = {
  en: {
    on: 'on',
    off: 'off',
    none: 'nothing',
    all: 'all branches',
    minutes: (n: number) => (n === 0 ? 'no coalescing' : `${n} min`),
    fields: {
      enabled: 'notify',
      recipients: 'who',
      channels: 'how',
      branches: 'branches',
      calcomEmails: 'Cal.com already emails this',
      quietHours: 'hold in quiet hours',
      coalesceMinutes: 'group bursts',
    },
    quietHours: 'Quiet hours',
    policy: 'Cancellation policy',
    branchName: 'Branch name',
    roles: { owner: 'owners', admin: 'admins' },
  },
  es: {
    on: 'sí',
    off: 'no',
    none: 'nada',
    all: 'todas las sucursales',
    minutes: (n: number) => (n === 0 ? 'sin agrupar' : `${n} min`),
    fields: {
      enabled: 'avisar',
      recipients: 'a quién',
      channels: 'cómo',
      branches: 'sucursales',
      calcomEmails: 'Cal.com ya envía correo de esto',
      quietHours: 'retener en horas de silencio',
      coalesceMinutes: 'agrupar ráfagas',
    },
    quietHours: 'Horas de silencio',
    policy: 'Política de cancelación',
    branchName: 'Nombre de sucursal',
    roles: { owner: 'propietarios', admin: 'administradores' },
  },
} as const

function show(value: unknown, field: string, lang: RulesLanguage): string {
  const w = WORDS[lang]
  if (value === null || value === undefined) return w.none
  if (typeof value === 'boolean') return value ? w.on : w.off
  if (field === 'coalesceMinutes' && typeof value === 'number') return w.minutes(value)
  if (value === 'all') return w.all
  if (field === 'recipients') {
    const r = value as KindRule['recipients']
    const parts = [...r.roles.map((x) => w.roles[x]), ...r.people]
    return parts.length ? parts.join(', ') : w.none
  }
  if (Array.isArray(value)) return value.length ? value.join(', ') : w.none
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>
    if ('start' in o) return `${String(o.start)}–${String(o.end)}`
    if ('windowHours' in o) return `${String(o.windowHours)} h: “${String(o.text)}”`
  }
  return String(value)
}

/** One line of a change, e.g. `booking.created — how: desktop → desktop, email`. */
export function describeChange(c: RulesChange, lang: RulesLanguage = 'en'): string {
  const w = WORDS[lang]
  const parts = c.path.split('/')
  const arrow = (field: string) => `${show(c.before, field, lang)} → ${show(c.after, field, lang)}`
  if (parts[0] === 'kinds') {
    const field = parts[2] as keyof typeof w.fields
    return `${parts[1]} — ${w.fields[field]}: ${arrow(field)}`
  }
  if (parts[0] === 'quietHours') return `${w.quietHours}: ${arrow('quietHours')}`
  if (parts[0] === 'cancellationPolicies')
    return `${w.policy} (${parts.slice(1).join(' / ')}): ${arrow('policy')}`
  return `${w.branchName} (${parts[1]}): ${arrow('branchName')}`
}
