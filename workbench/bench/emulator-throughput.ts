/**
 * `npm run bench:emulator`: how fast the Webex emulator answers a realistic mix of REST requests,
 * one after the other (what an end-to-end story does): `GET /people/me`, `GET /rooms` and
 * `POST /messages`, 1,000 in all. Prints the total and the p50/p95 latencies. A measurement, not a
 * test: it never fails on time; the goal is under 5 s on a 2-core machine.
 */
import { startWebexEmulator } from '../webex-emulator/server.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const GOAL_MS = 5000;

interface Step {
    method: 'GET' | 'POST';
    path: string;
    body?: unknown;
}

/** Roughly what a rep's page load and actions send: who am I, my spaces, a message now and then. */
function mix(roomId: string): Step[] {
    return [
        { method: 'GET', path: '/v1/people/me' },
        { method: 'GET', path: '/v1/rooms?max=50' },
        { method: 'POST', path: '/v1/messages', body: { roomId, markdown: 'Call logged on **Acme Robotics**.' } },
        { method: 'GET', path: '/v1/people/me' },
        { method: 'GET', path: '/v1/rooms?max=50' }
    ];
}

function percentile(sorted: number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const emulator = await startWebexEmulator(0);
try {
    const token = emulator.state.users[1].accessToken;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const rooms = emulator.state.messaging.roomsOf(emulator.state.users[1]);
    const steps = mix(rooms.find((r) => r.type === 'group')?.id ?? rooms[0].id);
    const send = async (step: Step): Promise<void> => {
        const response = await fetch(`${emulator.url}${step.path}`, {
            method: step.method,
            headers,
            body: step.body === undefined ? undefined : JSON.stringify(step.body)
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${step.method} ${step.path} answered ${response.status}`);
    };
    for (let i = 0; i < 20; i += 1) await send(steps[i % steps.length]); // warm-up: JIT and keep-alive
    emulator.state.reset();

    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i += 1) {
        const before = performance.now();
        await send(steps[i % steps.length]);
        latencies.push(performance.now() - before);
    }
    const total = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const verdict = total < GOAL_MS ? 'within' : 'OVER';
    console.log(`Webex emulator: ${REQUESTS} sequential requests (people/me, rooms list, messages create)`);
    console.log(
        `  total ${total.toFixed(0)} ms (${verdict} the ${GOAL_MS} ms goal), ${((REQUESTS / total) * 1000).toFixed(0)} req/s`
    );
    console.log(
        `  p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, max ${latencies.at(-1)?.toFixed(2)} ms`
    );
} finally {
    await emulator.close();
}
