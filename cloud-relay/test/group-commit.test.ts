// How concurrent intakes are grouped into commits: everything submitted in one turn shares a
// commit, within the item and byte limits, and each caller gets its own item's result.
import { describe, expect, it } from 'vitest'
import { GroupCommit } from '../src/storage/group-commit.js'

function recorder(limits: ConstructorParameters<typeof GroupCommit<number, string>>[1]) {
  const batches: number[][] = []
  const commits = new GroupCommit<number, string>(async (items) => {
    batches.push(items)
    return items.map((n) => `stored ${n}`)
  }, limits)
  return { commits, batches }
}

describe('group commit', () => {
  it('commits what arrives in one turn together, and answers each caller with its own result', async () => {
    const { commits, batches } = recorder({})
    const results = await Promise.all([1, 2, 3].map((n) => commits.submit(n)))
    expect(results).toEqual(['stored 1', 'stored 2', 'stored 3'])
    expect(batches).toEqual([[1, 2, 3]])
  })

  it('keeps each batch within the item limit and the byte limit', async () => {
    // Items weigh their own value in bytes: 40 + 40 fits under 100, a third does not.
    const { commits, batches } = recorder({ maxItems: 3, maxBytes: 100, bytesOf: (n) => n })
    const items = [40, 40, 40, 10, 10, 10, 10, 150, 5]
    const results = await Promise.all(items.map((n) => commits.submit(n)))
    expect(results).toEqual(items.map((n) => `stored ${n}`))
    // An item larger than the limit still goes, alone: refusing it would lose a delivery.
    expect(batches).toEqual([[40, 40], [40, 10, 10], [10, 10], [150], [5]])
  })

  it('fails only the callers whose batch failed', async () => {
    const commits = new GroupCommit<number, number>(
      async (items) => {
        if (items.includes(2)) throw new Error('storage down')
        return items
      },
      { maxItems: 1 },
    )
    const settled = await Promise.allSettled([1, 2, 3].map((n) => commits.submit(n)))
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  })
})
