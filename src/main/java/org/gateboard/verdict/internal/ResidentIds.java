package org.gateboard.verdict.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * PRC resident ID numbers (GB 11643-1999). The raw number is never stored: only a masked form for people
 * to recognise it, and a keyed hash (HMAC-SHA256 with a server secret) so that an official who types the
 * full number finds that person's verdicts, while someone who steals the table cannot enumerate the
 * (small) space of ID numbers without the secret.
 */
@Component
public class ResidentIds {

    static final String DEMO_SECRET = "gateboard-demo-id-hash-secret-not-for-production";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    ResidentIds(@Value("${gateboard.id-hash-secret:${GATEBOARD_ID_HASH_SECRET:}}") String secret, Environment env) {
        if (secret == null || secret.isBlank()) {
            // the demo key is public: only demo data may be hashed with it
            if (env.acceptsProfiles(Profiles.of("prod")) || !env.getProperty("gateboard.demo.enabled", Boolean.class, false)) {
                throw new IllegalStateException("Set GATEBOARD_ID_HASH_SECRET (at least 32 characters): it keys the"
                        + " hash of ID numbers, and changing it later makes earlier verdicts unfindable by ID.");
            }
            secret = DEMO_SECRET;
        } else if (secret.length() < 32 && env.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("GATEBOARD_ID_HASH_SECRET must have at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** An 18-character number: 17 digits and a check character (digit or X) that matches them. */
    public static boolean isValid(String number) {
        if (number == null || number.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Character.toUpperCase(number.charAt(17)) == checkCharacter(number);
    }

    /** The check character for the first 17 digits (which the caller has checked are digits). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** {@code 310***********1234}: the region prefix and the last four, as shown wherever people see it. */
    public static String mask(String number) {
        return number.substring(0, 3) + "*".repeat(11) + number.substring(14).toUpperCase();
    }

    /** The keyed hash of a valid number (case of the check character ignored). */
    public byte[] hash(String number) {
        return macs.get().doFinal(number.toUpperCase().getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
