package org.gateboard.poster;

/** What a printed poster is written in: Chinese, or Chinese with an English line under each text. */
public enum PosterLanguage {
    ZH, ZH_EN
}
