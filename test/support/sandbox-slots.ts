// What the Cal.com sandbox's public booking page would offer: the free slot starts of an event
// type over the next `days` days of the sandbox's clock, as UTC ISO strings.
export async function sandboxSlots(
  sandboxUrl: string,
  eventTypeId: number,
  days = 7,
): Promise<string[]> {
  const clock = await fetch(`${sandboxUrl}/_sandbox/clock`)
  const { now } = (await clock.json()) as { now: string }
  const end = new Date(Date.parse(now) + days * 86_400_000).toISOString()
  const res = await fetch(
    `${sandboxUrl}/v2/slots?eventTypeId=${eventTypeId}&start=${now}&end=${end}`,
    { headers: { 'cal-api-version': '2024-09-04' } },
  )
  if (!res.ok) throw new Error(`sandbox slots answered ${res.status}: ${await res.text()}`)
  const { data } = (await res.json()) as { data: Record<string, { start: string }[]> }
  return Object.values(data)
    .flat()
    .map((s) => new Date(s.start).toISOString())
}
