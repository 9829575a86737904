package dev.accrue.app.wiring;

import dev.accrue.http.port.StoreConflictException;
import dev.accrue.postgres.StoreConflict;
import java.util.function.Supplier;

/** Turns the PostgreSQL module's conflict into the API's: the two adapters do not know each other. */
final class Conflicts {
    private Conflicts() {}

    static <T> T translate(Supplier<T> write) {
        try {
            return write.get();
        } catch (StoreConflict e) {
            StoreConflictException.Kind kind = switch (e.kind()) {
                case DUPLICATE -> StoreConflictException.Kind.DUPLICATE;
                case MISSING_REFERENCE -> StoreConflictException.Kind.MISSING_REFERENCE;
            };
            throw new StoreConflictException(kind, e.getMessage(), e);
        }
    }

    static void run(Runnable write) {
        translate(() -> {
            write.run();
            return null;
        });
    }
}
