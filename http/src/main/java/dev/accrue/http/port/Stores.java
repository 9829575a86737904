package dev.accrue.http.port;

/** The stores the API works on; the application module wires PostgreSQL (or anything else) behind them. */
public record Stores(ProgramStore programs, PartnerStore partners, AccessStore access) {}
