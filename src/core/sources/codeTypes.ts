// What the JS/TS scan (code.ts) finds, apart from the scanner so that the
// source types can name it without importing the scanner.
import type { Range } from '../types';

export interface ScopeString {
  scope: string;
  range: Range;
  /** How it was found. */
  context: 'property' | 'variable' | 'call' | 'query';
  /** The whole string literal the name is in. */
  literalRange: Range;
}

export interface MethodCall {
  /** Receiver as written, e.g. "conversationsApi", "platformClient.ApiClient.instance". */
  receiver: string;
  receiverRange: Range;
  method: string;
  methodRange: Range;
  sdkLike: boolean;
  /**
   * Why the receiver counts as SDK-like, when it does: "assigned from ...",
   * "imported from ...", "a new SDK API instance" (strong), or `named "x"`
   * (weak: only the name suggests the SDK).
   */
  sdkReason?: string;
}

export interface TokenUrl { url: string; range: Range; host?: string; path?: string }

export interface CodeScan {
  scopes: ScopeString[];
  calls: MethodCall[];
  tokenUrls: TokenUrl[];
  /** Variables assigned from the SDK (name -> reason). */
  sdkVariables: Record<string, string>;
}
