package org.gateboard.verdict;

/** Where the person obtained the code (notice rule 4). */
public enum Channel {
    APP, ALIPAY, WECHAT, HEALTH_CLOUD
}
