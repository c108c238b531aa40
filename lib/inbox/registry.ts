import "server-only";

/**
 * Imports every vendor's inbound handlers so they register themselves. Both the console
 * (callback routes process inline) and the worker (retries, re-runs) import this file.
 * Each vendor issue adds one line here.
 */
import "@/lib/pretrial/callbacks/register";
