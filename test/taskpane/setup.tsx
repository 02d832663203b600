/**
 * Shared helpers for pane tests under jsdom: the few browser APIs Fluent UI expects that jsdom
 * lacks, and a render helper. Import it first in every pane test file.
 */
import { act, fireEvent, render, screen, waitFor, type RenderResult } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { UiLocale } from "../../src/i18n";
import type { WorkbookPort } from "../../src/port";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
if (typeof window !== "undefined" && !window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (typeof g.structuredClone !== "function") {
  g.structuredClone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
}

export function renderPane(port: WorkbookPort, options: { locale?: UiLocale; demo?: boolean } = {}): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} demo={options.demo ?? true} initialLocale={options.locale ?? "en-US"} />
    </FluentProvider>,
  );
}

/** A button by name, once it is enabled (buttons wait for the host's capabilities). */
export async function enabledButton(name: string | RegExp): Promise<HTMLElement> {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
  return button;
}

/** The accessible label of a form control: <label for>, aria-label or aria-labelledby. */
export function hasLabel(el: HTMLElement): boolean {
  const labels = (el as HTMLInputElement).labels;
  return (labels !== undefined && labels !== null && labels.length > 0) || !!el.getAttribute("aria-label") || !!el.getAttribute("aria-labelledby");
}

/** Opens a tab and waits for its lazily loaded content (the Weights and Check tabs are separate chunks). */
export async function openTab(name: string): Promise<HTMLElement> {
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const panel = screen.getByRole("tabpanel", { name });
  await waitFor(() => expect(panel.querySelector(":scope > .fui-Spinner")).toBeNull());
  return panel;
}
