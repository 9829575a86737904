package dev.accrue.http.port;

/**
 * The stores the API works on, and the books kept from the events; the application module wires
 * PostgreSQL (or anything else) behind them.
 */
public record Stores(ProgramStore programs, PartnerStore partners, AccessStore access, EventStore events, Books books) {}
