package dev.accrue.core.program;

/** What a rate applies to: a decimal field of the event ({@code net_amount}) or a period measure ({@code period.net_sales}). */
public sealed interface Basis {
    String source();

    record EventField(String field) implements Basis {
        public String source() {
            return field;
        }
    }

    record PeriodMeasure(String measure) implements Basis {
        public String source() {
            return "period." + measure;
        }
    }
}
