/**
 * The Signal Desk trading core: one implementation of each trading concept, shared by market-feed-service,
 * ai-analyzer-service, decision-service and its backtest. Plain Java, no framework.
 * <ul>
 * <li>{@code market}: instruments, aggressor side, the coin snapshot and its features;</li>
 * <li>{@code trade}: position side and signal direction;</li>
 * <li>{@code decision}: decision outcome, decision source, fallback reason;</li>
 * <li>{@code feature}: the 60 s feature math (momentum, volatility, book imbalance, trade flow);</li>
 * <li>{@code rules}: the rule set and its thresholds;</li>
 * <li>{@code exit}: stop-loss, take-profit and exit-check timing;</li>
 * <li>{@code paper}: paper-fill arithmetic (slippage, fees, P&amp;L);</li>
 * <li>{@code scoring}: how a signal is scored against the realised move.</li>
 * </ul>
 */
package io.signaldesk.core;
