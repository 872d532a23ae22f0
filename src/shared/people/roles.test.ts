import { describe, expect, it } from 'vitest'
import { ACTIONS, can, manageActionFor } from './roles.js'

describe('can(role, action)', () => {
  it('lets the owner do everything', () => {
    for (const action of ACTIONS) expect(can('owner', action)).toBe(true)
  })

  it('keeps approvals, admins and join codes to the owner', () => {
    for (const action of [
      'notifications.approve',
      'people.manageAdmins',
      'people.manageOwners',
      'business.joinCode',
      'business.edit',
    ] as const) {
      expect(can('admin', action)).toBe(false)
      expect(can('receptionist', action)).toBe(false)
    }
  })

  it('gives admins branch settings, connecting, discarding, their receptionists and proposals', () => {
    for (const action of [
      'branch.settings',
      'branch.connect',
      'branch.disconnect',
      'attention.discard',
      'people.manageReceptionists',
      'notifications.propose',
      'sync.read',
      'appointment.checkIn',
    ] as const)
      expect(can('admin', action)).toBe(true)
  })

  it('gives receptionists the day’s work and nothing else', () => {
    const allowed = ACTIONS.filter((a) => can('receptionist', a))
    expect(allowed).toEqual([
      'appointment.book',
      'appointment.checkIn',
      'appointment.noShow',
      'appointment.cancel',
      'appointment.reschedule',
      'appointment.confirm',
      'appointment.decline',
      'appointment.note',
    ])
  })

  it('names the action that managing each role takes', () => {
    expect(can('admin', manageActionFor('receptionist'))).toBe(true)
    expect(can('admin', manageActionFor('admin'))).toBe(false)
    expect(can('owner', manageActionFor('owner'))).toBe(true)
  })
})
