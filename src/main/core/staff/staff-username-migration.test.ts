// A desk updated from a version that did not keep staff's Cal.com usernames (before
// drizzle/0010_staff_calcom_username.sql) keeps its staff rows, their ids (appointments point at
// them), colours and places on the grid; it learns their usernames from the reference data read
// at start (connect/reference-refresh.ts), against the Cal.com sandbox over HTTP. With the
// team's memberships every member's id and username are known at once; without them (refused),
// a member the desk holds by id whom that read names by username only is not given a second row.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch, startTempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { AppointmentDetail, Staff } from '../../../shared/api/schemas'
import { credentialFile } from '../auth/token-store'
import { migrationsBefore } from '../db/migrations-before.test-support'
import { openDatabase } from '../db/open-database'
import { sandboxState } from '../outbound/outbound.test-support'

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-staff-username-migration-'))
let sandbox: RunningSandbox
let account: SandboxState['accounts'][number]
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 })
  const state = await sandboxState(sandbox.url)
  account = state.accounts[0]!
})
afterEach(async () => {
  await sandbox.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const COLOURS = ['#1f78b4', '#33a02c', '#e31a1c', '#ff7f00', '#6a3d9a']
/** Row id of the older desk's member known by username only (no id: never booked then). */
const UNLINKED_ROW = 300

it.each(['read', 'refused'] as const)(
  'keeps the staff rows of an older desk with their ids, colours and appointments, and learns their usernames at start (team memberships %s)',
  async (memberships) => {
    const store = sandbox.sandbox.store
    // Refused: a token without the scope; only bookings and event types name the members then.
    if (memberships === 'refused')
      sandbox.sandbox.apiFaults.add({
        mode: 'http403',
        remaining: 1_000,
        pathPrefix: '/v2/teams',
        hangMs: 0,
      })
    const members = store.staffOf(account.userId)
    expect(members.length).toBeGreaterThan(2)
    const haircut = store.eventTypesOf(account.userId).find((et) => et.slug === 'haircut')!
    // One the older desk added from an event type, by username, before anyone booked them.
    const lee = store.addStaff(
      { ...members[0]!, name: 'Lee Park', email: 'lee@example.test', username: 'lee' },
      [haircut.id],
    )
    // One the older desk holds by id whom Cal.com's booking sample no longer names: the event
    // types they host are all that name them now, by username.
    const unbooked = members[1]!
    for (const [uid, b] of store.bookings) if (b.hostId === unbooked.id) store.bookings.delete(uid)

    const dataDir = mkdtempSync(join(dir, 'desk-'))
    const old = openDatabase(
      join(dataDir, 'frontdesk.db'),
      migrationsBefore(dataDir, '0010_staff_calcom_username'),
    )
    old.$client
      .prepare(
        "insert into branches (id, calcom_account_id, calcom_username, name, time_zone, connection) values (1, ?, ?, ?, ?, 'connected')",
      )
      .run(account.userId, account.username, account.name, account.timeZone)
    old.$client.prepare("insert into settings (key, value) values ('current_branch_id', '1')").run()
    const insertStaff = old.$client.prepare(
      'insert into staff (id, branch_id, calcom_host_id, name, email, colour, active) values (?, 1, ?, ?, ?, ?, ?)',
    )
    members.forEach((m, i) =>
      insertStaff.run(200 + i, m.id, m.name, m.email, COLOURS[i % COLOURS.length], i === 2 ? 0 : 1),
    )
    insertStaff.run(UNLINKED_ROW, null, lee.username, null, '#a6cee3', 1)
    const start = Date.parse('2031-03-04T15:00:00Z')
    old.$client
      .prepare(
        `insert into appointments (uid, branch_id, staff_id, title, starts_at, ends_at, status, attendee_name)
       values ('kept-visit', 1, 201, 'Haircut with Sam Client', ?, ?, 'SCHEDULED', 'Sam Client')`,
      )
      .run(start, start + 45 * 60_000)
    const before = old.$client
      .prepare('select id, calcom_host_id, name, colour, active from staff order by id')
      .all()
    old.$client.close()
    await credentialFile(dataDir).save({ kind: 'apiKey', apiKey: account.apiKey })

    const desk = await startTempDesk({
      dataDir,
      env: { FRONTDESK_CALCOM_API_URL: sandbox.url, FRONTDESK_CALCOM_APP_URL: sandbox.url },
    })
    try {
      const rows = () => desk.services.staff.rowsOf(1)
      // The start's reconcile (its bookings name their hosts), then the reference data read after
      // it, the only one to name the member the older desk knew by username.
      await until(
        'the reference data read at start',
        () => rows().find((r) => r.id === UNLINKED_ROW)!.calcomUsername !== null,
        { wake: (recheck) => desk.services.bus.subscribe((e) => e.type === 'branch' && recheck()) },
      )
      const after = rows()
      // The same rows, nothing added, the desk's colours and active flags as they were; with the
      // memberships, the row the older desk knew by username only (found by its name) now has the
      // Cal.com id and name they give.
      const read = memberships === 'read'
      expect(
        after.map(({ id, calcomHostId, name, colour, active }) => ({
          id,
          calcom_host_id: calcomHostId,
          name,
          colour,
          active: active ? 1 : 0,
        })),
      ).toEqual(
        (before as Array<{ id: number }>).map((r) =>
          read && r.id === UNLINKED_ROW ? { ...r, calcom_host_id: lee.id, name: 'Lee Park' } : r,
        ),
      )
      // Usernames from the memberships, else the booking sample; the row the older desk knew by
      // username, by its name.
      const usernameOf = (id: number) => after.find((r) => r.id === id)!.calcomUsername
      members.forEach((m, i) => {
        if (read || m.id !== unbooked.id) expect(usernameOf(200 + i)).toBe(m.username)
      })
      expect(usernameOf(UNLINKED_ROW)).toBe('lee')
      // Without the memberships, one no booking names yet keeps no username, and gets no second
      // row under the one Cal.com's event types give.
      if (!read) expect(usernameOf(200 + members.indexOf(unbooked))).toBeNull()

      const { appointment } = (await (
        await deskFetch(desk, '/api/appointments/kept-visit')
      ).json()) as AppointmentDetail
      expect(appointment.staffId).toBe(201)
      const grid = (await (await deskFetch(desk, '/api/staff')).json()) as Staff[]
      expect(grid.map((s) => s.id).sort()).toEqual(after.filter((r) => r.active).map((r) => r.id))
    } finally {
      await desk.dispose()
    }
  },
)
