package org.gateboard.venue;

import java.util.List;

/** The demo devices and their tokens, for the built-in gate simulator (demo mode only). */
public interface DemoDevices {
    List<DemoDevice> list();
}
