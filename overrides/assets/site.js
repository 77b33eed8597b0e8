/* Small progressive enhancements. Runs again after each instant page change. */
"use strict";
