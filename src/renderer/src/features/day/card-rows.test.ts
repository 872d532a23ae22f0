import { describe, expect, it } from 'vitest'
import { rowsThatFit, type CardRow } from './card-rows'
import { MINUTE_PX } from './day-layout'

const all = new Set<CardRow>(['alert', 'marks', 'service'])
const minutes = (m: number) => m * MINUTE_PX

describe('the rows a card shows', () => {
  it('keeps a 45-minute card’s alert and marks whole, leaving out the service first', () => {
    expect([...rowsThatFit(minutes(45), all)]).toEqual(['alert', 'marks'])
  })

  it('shows every row of an hour-long card', () => {
    expect([...rowsThatFit(minutes(60), all)]).toEqual(['alert', 'marks', 'service'])
  })

  it('gives the alert the only row a 30-minute card has beside its time', () => {
    expect([...rowsThatFit(minutes(30), all)]).toEqual(['alert'])
    expect([...rowsThatFit(minutes(30), new Set<CardRow>(['service']))]).toEqual(['service'])
  })

  it('gives a narrow card’s two first lines (client, then time) their room before any row', () => {
    // Side by side, the client's name and the time take a line each.
    expect([...rowsThatFit(minutes(45), all, true)]).toEqual(['alert'])
    expect([...rowsThatFit(minutes(60), all, true)]).toEqual(['alert', 'marks'])
    expect([...rowsThatFit(minutes(75), all, true)]).toEqual(['alert', 'marks', 'service'])
    // A 30-minute one has room for its name and time alone.
    expect([...rowsThatFit(minutes(30), all, true)]).toEqual([])
    expect([...rowsThatFit(minutes(30), new Set<CardRow>(['service']), true)]).toEqual([])
  })
})
