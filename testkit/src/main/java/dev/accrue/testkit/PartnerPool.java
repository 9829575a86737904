package dev.accrue.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** Partners that take part in one kind of activity, drawn in proportion to their weight. */
final class PartnerPool {
    private final PartnerProfile[] members;
    private final long[] cumulativeWeights;

    PartnerPool(List<PartnerProfile> profiles, Predicate<PartnerProfile> member) {
        List<PartnerProfile> chosen = new ArrayList<>();
        for (PartnerProfile profile : profiles) if (member.test(profile)) chosen.add(profile);
        members = chosen.toArray(new PartnerProfile[0]);
        cumulativeWeights = new long[members.length];
        long total = 0;
        for (int i = 0; i < members.length; i++) {
            total += members[i].weight;
            cumulativeWeights[i] = total;
        }
    }

    boolean isEmpty() {
        return members.length == 0;
    }

    PartnerProfile pick(SplittableRandom random) {
        long target = random.nextLong(cumulativeWeights[cumulativeWeights.length - 1]);
        int low = 0;
        int high = cumulativeWeights.length - 1;
        while (low < high) {   // the first member whose cumulative weight passes the target
            int middle = (low + high) >>> 1;
            if (cumulativeWeights[middle] > target) high = middle;
            else low = middle + 1;
        }
        return members[low];
    }

    /** A member chosen without regard to weight. */
    PartnerProfile pickUniform(SplittableRandom random) {
        return members[random.nextInt(members.length)];
    }
}
