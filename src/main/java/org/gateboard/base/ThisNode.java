package org.gateboard.base;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * This run of the application among the nodes of a cluster: a number drawn at start, so a restarted node is
 * a new one and no two nodes need to be told their names. The verdict feature marks what this node counted
 * with it, and the live dashboard tells its own counts from those it heard of from other nodes by it.
 */
@Component
public class ThisNode {

    private static final Logger log = LoggerFactory.getLogger(ThisNode.class);

    private final long id;

    ThisNode() {
        long drawn;
        do {
            drawn = new SecureRandom().nextLong() & Long.MAX_VALUE;
        } while (drawn == 0); // 0 stands for counts made before nodes were told apart
        this.id = drawn;
        log.info("This node is {}", Long.toHexString(drawn));
    }

    public long id() {
        return id;
    }
}
