package dev.accrue.core.event;

/** Receives, in input order, each event of a stream that parsed and each line that did not. */
public interface EventSink {
    void event(Event event);

    void error(LineError error);
}
