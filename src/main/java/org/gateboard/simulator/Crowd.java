package org.gateboard.simulator;

import org.gateboard.policy.PolicyParameters;
import org.gateboard.verdict.Channel;
import org.gateboard.verdict.CodeColor;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The people arriving at a gate and what the gate decides about them: mostly green codes, some yellow and
 * red, a few without a code; photo-less codes with and without an ID check; masks; temperatures around and
 * over the threshold; the roles of a bidding venue; and arrivals that peak in the hour before the morning
 * and afternoon bid deadlines. The decision follows the policy the device holds, except for a rare gate
 * error that admits someone it should have refused (which the server flags as non-conforming).
 */
final class Crowd {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "高", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军",
            "杰", "娟", "涛", "明", "超", "秀英", "建华", "志强", "海燕", "晓东"};
    private static final String[] DISTRICTS = {"310101", "310104", "310105", "310106", "310107", "310109", "310110",
            "310112", "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151", "320102",
            "330106", "340104", "420106"};

    private final Random random;
    private final double gateErrorRate;

    Crowd(Random random, double gateErrorRate) {
        this.random = random;
        this.gateErrorRate = gateErrorRate;
    }

    /** How much busier than usual a gate is at this time of day in Shanghai. */
    static double peakFactor(Instant at) {
        LocalTime t = at.atZone(SHANGHAI).toLocalTime();
        double h = t.getHour() + t.getMinute() / 60.0;
        if (h < 7 || h >= 19) {
            return 0.25;
        }
        // bids close at 09:30 and 14:00: people queue in the hour before
        double morning = 4.0 * Math.exp(-Math.pow((h - 9.0) / 0.4, 2));
        double afternoon = 2.5 * Math.exp(-Math.pow((h - 13.6) / 0.35, 2));
        return 1.0 + morning + afternoon;
    }

    /** One person at the gate at {@code at}, decided under {@code policy} (named {@code policyVersion}). */
    SimulatedVerdict next(Instant at, PolicyParameters policy, int policyVersion) {
        PersonRole role = pick(new PersonRole[]{PersonRole.BIDDER, PersonRole.AGENT, PersonRole.TENDERER,
                PersonRole.EXPERT, PersonRole.SUPERVISOR, PersonRole.STAFF, PersonRole.OTHER}, 45, 20, 12, 10, 5, 6, 2);
        boolean noCode = random.nextDouble() < 0.015;
        CodeColor color = noCode ? null : pick(CodeColor.values(), 94, 4, 2);
        Channel channel = noCode ? null : pick(Channel.values(), 30, 35, 30, 5);
        Boolean photo = noCode ? null : random.nextDouble() < 0.92;
        boolean idChecked = Boolean.FALSE.equals(photo) ? random.nextDouble() < 0.8 : random.nextDouble() < 0.05;
        boolean mask = random.nextDouble() < 0.97;
        double celsius = random.nextDouble() < 0.015 ? 37.3 + random.nextDouble() * 1.7
                : 36.5 + random.nextGaussian() * 0.3;
        BigDecimal temperature = BigDecimal.valueOf(Math.max(35.0, Math.min(42.0, celsius)))
                .setScale(1, RoundingMode.FLOOR);
        double seconds = Math.exp(1.8 + random.nextGaussian() * 0.45) + (idChecked ? 15 + random.nextInt(20) : 0)
                + (channel == null ? 20 : 0);
        String name = random.nextDouble() < 0.9
                ? SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)] : null;
        String idNumber = idChecked || random.nextDouble() < 0.3 ? idNumber() : null;

        Set<RefusalReason> reasons = EnumSet.noneOf(RefusalReason.class);
        policy.refusalReasons(color == null ? null : color.name(), photo, idChecked, mask, temperature)
                .forEach(r -> reasons.add(RefusalReason.valueOf(r)));
        // a faulty gate may wave someone through, but it cannot record an admission without a code colour
        if (!reasons.isEmpty() && color != null && random.nextDouble() < gateErrorRate) {
            reasons.clear();
        }
        return new SimulatedVerdict(UUID.randomUUID(), at, reasons.isEmpty() ? Outcome.ADMITTED : Outcome.REFUSED,
                reasons, color, channel, photo, idChecked, mask, temperature, role, name, idNumber,
                (int) Math.min(3_600_000, Math.round(seconds * 1000)), policyVersion);
    }

    private String idNumber() {
        String first17 = DISTRICTS[random.nextInt(DISTRICTS.length)]
                + (1955 + random.nextInt(45))
                + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
                + String.format("%03d", random.nextInt(1000));
        return first17 + checkCharacter(first17);
    }

    /** GB 11643-1999: digit i (from the left) weighs 2^(17-i) mod 11; the device API refuses a wrong check. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        return "10X98765432".charAt(sum % 11);
    }

    @SafeVarargs
    private <T> T pick(T[] values, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
