package dev.accrue.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferStateTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "PENDING, PENDING, false",
            "PENDING, POSTED,  true",
            "PENDING, VOIDED,  true",
            "PENDING, EXPIRED, true",
            "POSTED,  PENDING, false",
            "POSTED,  POSTED,  false",
            "POSTED,  VOIDED,  false",
            "POSTED,  EXPIRED, false",
            "VOIDED,  PENDING, false",
            "VOIDED,  POSTED,  false",
            "VOIDED,  VOIDED,  false",
            "VOIDED,  EXPIRED, false",
            "EXPIRED, PENDING, false",
            "EXPIRED, POSTED,  false",
            "EXPIRED, VOIDED,  false",
            "EXPIRED, EXPIRED, false",
    })
    void aPendingTransferEndsOnceAndAnEndedOneNeverChanges(TransferState from, TransferState to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        assertThat(from.isFinal()).isEqualTo(from != TransferState.PENDING);
    }

    @ParameterizedTest(name = "{0} starts {1}")
    @CsvSource({
            "SINGLE_PHASE, POSTED",
            "PENDING,      PENDING",
            "POST_PENDING, POSTED",
            "VOID_PENDING, VOIDED",
    })
    void eachKindOfTransferStartsInItsState(TransferKind kind, TransferState initial) {
        assertThat(TransferState.initial(kind)).isEqualTo(initial);
    }
}
