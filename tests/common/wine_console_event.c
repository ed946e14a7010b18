/* For the tests only (tests/common/wine.rs builds it with MinGW; nothing of it ships): sends a
 * console control event to a Windows program running under Wine, as a user's Ctrl+C or
 * Ctrl+Break in its console window would. A terminal multiplexer cannot type Ctrl+Break (a Unix
 * terminal has no such key), and a Ctrl+C typed into a program whose console is in raw mode is
 * a key, not an event.
 *
 * Usage: wine-console-event.exe PROGRAM.exe EVENT   (EVENT: 0 CTRL_C_EVENT, 1 CTRL_BREAK_EVENT)
 * It finds the process by its file name, attaches to its console and generates the event for
 * the process's group (a program Wine starts from Unix leads a group of its own).
 * Exit codes: 0 sent; 1 no such process; 2 AttachConsole failed; 3 GenerateConsoleCtrlEvent
 * failed; 64 bad usage. Standard output says which, with GetLastError's code. */
#include <windows.h>
#include <tlhelp32.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static DWORD find_process(const char *name) {
    DWORD pid = 0;
    PROCESSENTRY32 entry;
    HANDLE snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snapshot == INVALID_HANDLE_VALUE) return 0;
    entry.dwSize = sizeof entry;
    if (Process32First(snapshot, &entry)) {
        do {
            if (_stricmp(entry.szExeFile, name) == 0) pid = entry.th32ProcessID;
        } while (Process32Next(snapshot, &entry));
    }
    CloseHandle(snapshot);
    return pid;
}

int main(int argc, char **argv) {
    DWORD pid, event;
    if (argc != 3) {
        printf("usage: wine-console-event.exe PROGRAM.exe EVENT\n");
        return 64;
    }
    event = strtoul(argv[2], NULL, 10);
    pid = find_process(argv[1]);
    if (pid == 0) {
        printf("no process named %s\n", argv[1]);
        return 1;
    }
    FreeConsole();
    if (!AttachConsole(pid)) {
        printf("AttachConsole(%lu) failed: error %lu\n", pid, GetLastError());
        return 2;
    }
    /* The event is for the program, not for this helper. */
    SetConsoleCtrlHandler(NULL, TRUE);
    if (!GenerateConsoleCtrlEvent(event, pid)) {
        printf("GenerateConsoleCtrlEvent(%lu, %lu) failed: error %lu\n", event, pid, GetLastError());
        return 3;
    }
    printf("GenerateConsoleCtrlEvent(%lu, %lu) sent\n", event, pid);
    return 0;
}
