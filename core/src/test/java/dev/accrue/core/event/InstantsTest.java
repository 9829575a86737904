package dev.accrue.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InstantsTest {
    @Test
    void readsTheCommonShapes() {
        assertThat(Instants.parse("2026-01-10T15:00:00Z")).isEqualTo(Instant.parse("2026-01-10T15:00:00Z"));
        assertThat(Instants.parse("2026-01-10T09:00:00-06:00")).isEqualTo(Instant.parse("2026-01-10T15:00:00Z"));
        assertThat(Instants.parse("2024-02-29T23:59:59.123456789+14:00")).isEqualTo(Instant.parse("2024-02-29T09:59:59.123456789Z"));
        assertThat(Instants.parse("1970-01-01T00:00:00.5Z")).isEqualTo(Instant.ofEpochSecond(0, 500_000_000));
    }

    @Test
    void leavesRarerIsoShapesToTheJdkParser() {
        assertThat(Instants.parse("2026-01-10T15:00Z")).isEqualTo(Instant.parse("2026-01-10T15:00:00Z"));
        assertThat(Instants.parse("2026-01-10T15:00:00+05:30:15")).isEqualTo(Instant.parse("2026-01-10T09:29:45Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-10T15:00:00", "2026-01-10 15:00:00Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-01-10T24:00:00Z", "2026-01-10T15:60:00Z", "2026-01-10T15:00:60Z",
            "2026-01-10T15:00:00+19:00", "2026-01-10T15:00:00.1234567890Z", "2026-01-10",
            "yesterday", "", "2026-01-10T15:00:00ZZ", "1900-02-29T00:00:00Z"})
    void refusesWhatIsNotAnInstantWithOffset(String text) {
        assertThat(Instants.parse(text)).isNull();
    }

    @Test
    void agreesWithTheJdkOnRandomInstantsAndOffsets() {
        long seed = 20260110L;
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-62_135_596_800L, 253_402_300_799L);  // years 0001..9999
            int nanos = random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0;
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            OffsetDateTime time = Instant.ofEpochSecond(second, nanos).atOffset(offset);
            String text = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (text.length() < 20 || text.charAt(4) != '-') continue;  // the JDK writes years past 9999 with a sign
            assertThat(Instants.parseCommon(text.toCharArray(), 0, text.length()))
                    .as("seed %d, case %d: %s", seed, i, text).isEqualTo(time.toInstant());
        }
    }

    @Test
    void neverAcceptsWhatTheJdkRefusesOnRandomMutations() {
        long seed = 7L;
        Random random = new Random(seed);
        String alphabet = "0123456789-:TZ+.";
        for (int i = 0; i < 50_000; i++) {
            char[] text = "2024-02-29T23:59:59.250+01:00".toCharArray();
            for (int flips = random.nextInt(1, 3); flips > 0; flips--) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            int length = random.nextInt(20, text.length + 1);
            Instant fast = Instants.parseCommon(text, 0, length);
            if (fast == null) continue;
            String shown = new String(text, 0, length);
            Instant jdk;
            try {
                jdk = OffsetDateTime.parse(shown, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException refused) {
                jdk = null;
            }
            assertThat(fast).as("seed %d, case %d: %s", seed, i, shown).isEqualTo(jdk);
        }
    }
}
