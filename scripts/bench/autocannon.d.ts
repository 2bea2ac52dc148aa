/** The part of autocannon (no bundled types) the bench uses. */
declare module 'autocannon' {
  function autocannon(options: Record<string, unknown>, done?: (error: Error | null, result: unknown) => void): unknown;
  export default autocannon;
}
