import { Dashboard } from "@/components/Dashboard";
import { DatasetErrorView } from "@/components/DatasetErrorView";
import { DatasetError, loadDataset } from "@/lib/load";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  await searchParams; // the view is read from the URL: render per request
  try {
    const index = await loadDataset();
    return <Dashboard dataset={index.dataset} />;
  } catch (error) {
    if (error instanceof DatasetError) return <DatasetErrorView error={error} />;
    throw error;
  }
}
