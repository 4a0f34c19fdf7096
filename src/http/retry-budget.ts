/**
 * Retries as a share of calls: each first attempt earns a tenth of a retry, each retry spends one,
 * with at most `cap` saved up. An upstream that fails everything gets about one retry in ten
 * calls, not one per call: retries never double the load on a server that is already down.
 */
export class RetryBudget {
  private tokens: number;

  constructor(
    private readonly cap = 10,
    private readonly earnedPerCall = 0.1,
  ) {
    this.tokens = cap;
  }

  called(): void {
    this.tokens = Math.min(this.cap, this.tokens + this.earnedPerCall);
  }

  /** Spends a retry if one is left. */
  take(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
