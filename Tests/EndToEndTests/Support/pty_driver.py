#!/usr/bin/env python3
"""Runs a program in a real pseudo-terminal and answers its prompts like a person.

The program is the session leader and the pty is its controlling terminal, so a typed Ctrl-C (\\x03)
makes the line discipline raise SIGINT, exactly as on a real terminal.

Usage: pty_driver.py SCRIPT_JSON -- PROGRAM [ARGS...]

SCRIPT_JSON is an object:
  {"timeout": seconds for each step and for the final exit,
   "cwd": folder to run in (optional),
   "env": extra environment (optional),
   "steps": [{"expect": "text to wait for in the output",
              "wait_echo_off": true to also wait until the terminal's ECHO flag is cleared (optional),
              "send": "what to type"}, ...]}

Prints one JSON object on stdout:
  {"transcript": everything the program wrote to the terminal (decoded as UTF-8, errors replaced),
   "exit_code": the exit status, or 128 + signal number when killed by a signal,
   "signal": the signal number that killed it, or null,
   "lflag_start": the terminal's c_lflag before the program ran,
   "lflag_steps": the c_lflag at each step, just before typing,
   "lflag_end": the c_lflag after the program exited,
   "echo_flag": termios.ECHO,
   "failure": null, or why the script could not be followed (a step timed out, the program exited early)}
"""

import json
import os
import select
import signal
import sys
import termios
import time


def main():
    separator = sys.argv.index("--")
    script = json.loads(sys.argv[1])
    argv = sys.argv[separator + 1 :]
    timeout = float(script.get("timeout", 30))

    master, slave = os.openpty()
    # A person's terminal: cooked mode with echo, ^C as the interrupt character.
    attributes = termios.tcgetattr(slave)
    attributes[3] |= termios.ECHO | termios.ICANON | termios.ISIG
    termios.tcsetattr(slave, termios.TCSANOW, attributes)
    lflag_start = termios.tcgetattr(master)[3]

    pid = os.fork()
    if pid == 0:
        try:
            os.close(master)
            os.setsid()
            import fcntl

            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for descriptor in (0, 1, 2):
                os.dup2(slave, descriptor)
            if slave > 2:
                os.close(slave)
            if script.get("cwd"):
                os.chdir(script["cwd"])
            environment = dict(os.environ)
            environment.update(script.get("env", {}))
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.execve(argv[0], argv, environment)
        finally:
            os._exit(127)
    os.close(slave)

    output = bytearray()
    lflag_steps = []
    failure = None
    exited = False

    def read_some(wait):
        """Reads what is available within `wait` seconds; False once the terminal is closed."""
        ready, _, _ = select.select([master], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(master, 4096)
        except OSError:
            return False
        if not chunk:
            return False
        output.extend(chunk)
        return True

    def text():
        return output.decode("utf-8", errors="replace")

    for index, step in enumerate(script.get("steps", [])):
        expected = step["expect"]
        deadline = time.monotonic() + timeout
        while expected not in text():
            if time.monotonic() > deadline:
                failure = "step %d: timed out waiting for %r" % (index, expected)
                break
            if not read_some(0.05):
                failure = "step %d: the program closed the terminal before %r" % (index, expected)
                exited = True
                break
        if failure:
            break
        if step.get("wait_echo_off"):
            while termios.tcgetattr(master)[3] & termios.ECHO:
                if time.monotonic() > deadline:
                    failure = "step %d: ECHO was never turned off" % index
                    break
                read_some(0.01)
            if failure:
                break
        lflag_steps.append(termios.tcgetattr(master)[3])
        # Consume the matched text so the next step waits for new output.
        consumed = text().index(expected) + len(expected)
        prefix = text()[:consumed].encode("utf-8", errors="replace")
        del output[: len(prefix)]
        transcript_parts.append(prefix.decode("utf-8", errors="replace"))
        os.write(master, step["send"].encode("utf-8"))

    deadline = time.monotonic() + timeout
    status = None
    while status is None:
        if not exited and not read_some(0.05):
            exited = True
        waited, raw = os.waitpid(pid, os.WNOHANG)
        if waited == pid:
            status = raw
            break
        if time.monotonic() > deadline:
            failure = failure or "the program did not exit within %s s" % timeout
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
    # Drain what is left; EIO means every slave descriptor is closed.
    while read_some(0.05) and select.select([master], [], [], 0)[0]:
        pass
    lflag_end = termios.tcgetattr(master)[3]
    os.close(master)

    transcript_parts.append(text())
    if os.WIFSIGNALED(status):
        killed_by = os.WTERMSIG(status)
        exit_code = 128 + killed_by
    else:
        killed_by = None
        exit_code = os.WEXITSTATUS(status)
    json.dump(
        {
            "transcript": "".join(transcript_parts),
            "exit_code": exit_code,
            "signal": killed_by,
            "lflag_start": lflag_start,
            "lflag_steps": lflag_steps,
            "lflag_end": lflag_end,
            "echo_flag": termios.ECHO,
            "failure": failure,
        },
        sys.stdout,
    )


transcript_parts = []

if __name__ == "__main__":
    main()
