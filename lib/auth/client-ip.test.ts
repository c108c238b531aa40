import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientAddressFrom, clientIpFrom } from "./client-ip";

describe("client address (issue 8, security 3)", () => {
  it("never takes a client-sent X-Forwarded-For on its own word", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "6.6.6.6" }))).not.toBe("6.6.6.6");
  });

  it("reads the address the server entry computed", () => {
    expect(clientIpFrom(new Headers({ [CLIENT_IP_HEADER]: "198.51.100.9", "x-forwarded-for": "6.6.6.6" }))).toBe("198.51.100.9");
  });

  it("is the socket address with no trusted proxy", () => {
    expect(clientAddressFrom("10.0.0.5", "6.6.6.6, 198.51.100.9", 0)).toBe("10.0.0.5");
    expect(clientAddressFrom("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
  });

  it("counts trusted hops from the right", () => {
    expect(clientAddressFrom("10.0.0.5", "6.6.6.6, 198.51.100.9", 1)).toBe("198.51.100.9");
    expect(clientAddressFrom("10.0.0.5", "6.6.6.6, 198.51.100.9", 2)).toBe("6.6.6.6");
    expect(clientAddressFrom("10.0.0.5", ["6.6.6.6", "198.51.100.9, 10.0.0.9"], 2)).toBe("198.51.100.9");
  });

  it("with more hops configured than the chain holds, takes the leftmost entry", () => {
    expect(clientAddressFrom("10.0.0.5", "198.51.100.9", 3)).toBe("198.51.100.9");
    expect(clientAddressFrom(undefined, undefined, 0)).toBe("unknown");
  });
});
