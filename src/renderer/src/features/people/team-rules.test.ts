import { describe, expect, it } from 'vitest'
import { branchesOffered, mayManage, rolesOffered } from './team-rules'

const owner = { id: 'o', role: 'owner' as const, branches: [] }
const admin = { id: 'a', role: 'admin' as const, branches: ['north'] }
const receptionist = (branches: string[]) => ({ role: 'receptionist' as const, branches })

describe('who may change whom on the Team screen', () => {
  it('lets an owner change everyone, and give every role and branch', () => {
    expect(mayManage(owner, { role: 'owner', branches: [] })).toBe(true)
    expect(mayManage(owner, admin)).toBe(true)
    expect(mayManage(owner, receptionist(['south']))).toBe(true)
    expect(rolesOffered(owner)).toEqual(['receptionist', 'admin', 'owner'])
    expect(branchesOffered(owner, ['north', 'south'])).toEqual(['north', 'south'])
  })

  it('lets an admin change only the receptionists of their branches', () => {
    expect(mayManage(admin, receptionist(['north', 'south']))).toBe(true)
    expect(mayManage(admin, receptionist(['south']))).toBe(false)
    expect(mayManage(admin, { role: 'admin', branches: ['north'] })).toBe(false)
    expect(mayManage(admin, { role: 'owner', branches: [] })).toBe(false)
    expect(rolesOffered(admin)).toEqual(['receptionist'])
    expect(branchesOffered(admin, ['north', 'south'])).toEqual(['north'])
  })

  it('lets a receptionist change no one', () => {
    const me = { id: 'r', ...receptionist(['north']) }
    expect(mayManage(me, receptionist(['north']))).toBe(false)
    expect(rolesOffered(me)).toEqual([])
  })
})
