// The business document as text, the same on both engines. Only the document's own fields are
// stored, whatever else the object passed carries; documents written before cancellation
// policies or branch names existed read as having none.
import type { BusinessDoc } from './business-types.js'

export const docText = ({ name, people, cancellationPolicies, branchNames }: BusinessDoc): string =>
  JSON.stringify({ name, people, cancellationPolicies, branchNames })

export function parseDoc(text: string): BusinessDoc {
  const d = JSON.parse(text) as Partial<BusinessDoc> & Pick<BusinessDoc, 'name' | 'people'>
  return {
    name: d.name,
    people: d.people,
    cancellationPolicies: d.cancellationPolicies ?? [],
    branchNames: d.branchNames ?? {},
  }
}

/** The document of a stored business, to change one part of it. */
export const docOf = (b: BusinessDoc): BusinessDoc => ({
  name: b.name,
  people: b.people,
  cancellationPolicies: b.cancellationPolicies,
  branchNames: b.branchNames,
})
